/**
 * "Use this speed for <show>": pins the current speed as the show's default (settings.speedByFeed),
 * or, when it is pinned already, unpins it (the show goes back to the default speed).
 */
import { PinIcon } from '../../components/icons';
import { formatRate } from './speed-control';

interface ShowSpeedProps {
  showTitle: string;
  rate: number;
  /** The show's saved speed, if any. */
  saved?: number;
  onPin: (rate: number | undefined) => void;
}

export function ShowSpeed({ showTitle, rate, saved, onPin }: ShowSpeedProps) {
  const pinned = saved !== undefined && Math.abs(saved - rate) < 0.001;
  return (
    <button
      type="button"
      className={`icon-button icon-button--small show-speed${pinned ? ' show-speed--on' : ''}`}
      aria-label={`Use this speed for ${showTitle}`}
      aria-pressed={pinned}
      title={
        pinned
          ? `${formatRate(rate)} is ${showTitle}'s speed (press to use the default)`
          : `Use ${formatRate(rate)} for every episode of ${showTitle}`
      }
      onClick={() => onPin(pinned ? undefined : rate)}
    >
      <PinIcon />
    </button>
  );
}
