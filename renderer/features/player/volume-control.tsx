/**
 * Mute toggle and a "Volume" slider (a native range: arrows, Page Up/Down, Home/End work). Below
 * 960 px the slider hides behind the mute button and pops up on hover or keyboard focus.
 */
import type { CSSProperties } from 'react';
import { VolumeIcon } from '../../components/icons';

interface VolumeControlProps {
  volume: number;
  muted: boolean;
  onVolume: (volume: number) => void;
  onMuted: (muted: boolean) => void;
}

export function VolumeControl({ volume, muted, onVolume, onMuted }: VolumeControlProps) {
  const percent = Math.round(volume * 100);
  const silent = muted || percent === 0;
  return (
    <div className="volume-control">
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label={muted ? 'Unmute' : 'Mute'}
        title={muted ? 'Unmute' : 'Mute'}
        onClick={() => onMuted(!muted)}
      >
        <VolumeIcon muted={silent} />
      </button>
      {/* In a narrow window this pops up above the mute button on hover or focus (player.css). */}
      <div className="volume-control__popover">
        <input
          type="range"
          className="volume-control__slider"
          aria-label="Volume"
          aria-valuetext={muted ? `Muted (${percent}%)` : `${percent}%`}
          min={0}
          max={100}
          step={5}
          value={muted ? 0 : percent}
          style={{ '--fill': `${muted ? 0 : percent}%` } as CSSProperties}
          onChange={(event) => onVolume(Number(event.currentTarget.value) / 100)}
        />
      </div>
    </div>
  );
}
