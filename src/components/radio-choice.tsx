import type { ReactNode } from 'react';

type RadioChoiceProps<T extends string | number> = {
  legend: string;
  name: string;
  value: T | undefined;
  options: readonly T[];
  label: (option: T) => ReactNode;
  onChange: (option: T) => void;
};

/** A labelled group of radio buttons that applies the choice at once (settings and reading adjustments). */
export function RadioChoice<T extends string | number>({
  legend,
  name,
  value,
  options,
  label,
  onChange,
}: RadioChoiceProps<T>) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="option">
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
          <span>{label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
