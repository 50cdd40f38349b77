/** The window's one queue, for the views and rows that add to it. */
import { createContext, useContext } from 'react';
import type { Queue } from './use-queue';

export const QueueContext = createContext<Queue | null>(null);

export function useQueueContext(): Queue {
  const queue = useContext(QueueContext);
  if (!queue) throw new Error('useQueueContext needs a QueueContext provider');
  return queue;
}
