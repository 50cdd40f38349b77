// media-captions ships its types, but its dist/types/index.d.ts re-exports them with extensionless
// paths ('./parse/parse-text') inside an ESM package, which TypeScript's NodeNext resolution (ours)
// does not follow: the module would look empty. This declares the part Earmark uses, as those files
// declare it (parse/parse-text.d.ts, parse/types.d.ts, vtt/text-cue.d.ts, vtt/tokenize-cue.d.ts of
// media-captions 1.0.4). The parser tests run the real library, so a drift shows there.
export {};

declare module 'media-captions' {
  export interface ParseCaptionsOptions {
    /** Strict mode cancels the parse at the first error; off, bad cues are skipped. */
    strict?: boolean;
    errors?: boolean;
    type?: 'vtt' | 'srt' | 'ssa' | 'ass';
  }

  export interface VTTCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
  }

  export interface ParsedCaptionsResult {
    cues: VTTCue[];
    errors: Error[];
  }

  export function parseText(text: string, options?: ParseCaptionsOptions): Promise<ParsedCaptionsResult>;

  export type VTTBlockNodeType = 'c' | 'i' | 'b' | 'u' | 'ruby' | 'rt' | 'lang' | 'timestamp';
  export interface VTTBlockNode {
    type: VTTBlockNodeType;
    tagName: string;
    class?: string;
    children: VTTNode[];
  }
  export interface VTTVoiceNode extends Omit<VTTBlockNode, 'type'> {
    type: 'v';
    voice: string;
  }
  export interface VTTTextNode {
    type: 'text';
    data: string;
  }
  export type VTTNode = VTTBlockNode | VTTVoiceNode | VTTTextNode;

  export function tokenizeVTTCue(cue: VTTCue): VTTNode[];
}
