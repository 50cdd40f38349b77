/** "Playback speed": a plain select (howler keeps pitch in html5 mode, so any rate sounds natural). */
export const rates = [0.5, 0.75, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

export function formatRate(rate: number): string {
  return `${Number(rate.toFixed(2))}×`;
}

export function SpeedControl({ rate, onChange }: { rate: number; onChange: (rate: number) => void }) {
  const options = rates.includes(rate) ? rates : [...rates, rate].sort((a, b) => a - b);
  return (
    <select
      className="speed-control"
      aria-label="Playback speed"
      value={String(rate)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
    >
      {options.map((option) => (
        <option key={option} value={String(option)}>
          {formatRate(option)}
        </option>
      ))}
    </select>
  );
}
