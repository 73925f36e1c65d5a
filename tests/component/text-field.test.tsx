// The one labelled input every form uses (account forms and the people on a shared tablet): a screen
// reader hears its label, hint and error together, and hears that it is invalid only when it is.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextField } from '../../src/components/text-field';
import { PIN_INPUT } from '../../src/features/profiles/pin-input';

describe('TextField', () => {
  it('reads the hint with the input and is not invalid without an error', () => {
    render(<TextField label="Email" name="email" hint="The one you signed up with." />);
    const input = screen.getByRole('textbox', { name: 'Email' });
    expect(input).toHaveAccessibleDescription('The one you signed up with.');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('reads the hint and then the error, and says the input is invalid', () => {
    render(
      <TextField label="Email" name="email" hint="The one you signed up with." error="Enter an email." />,
    );
    const input = screen.getByRole('textbox', { name: 'Email' });
    expect(input).toHaveAccessibleDescription('The one you signed up with. Enter an email.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('has no description at all with neither hint nor error', () => {
    render(<TextField label="Name" name="name" />);
    expect(screen.getByRole('textbox', { name: 'Name' })).not.toHaveAttribute('aria-describedby');
  });

  it('takes the PIN attributes: a hidden, numeric input no password manager fills', () => {
    render(<TextField label="Sam’s PIN" name="pin" error="That PIN is not right." {...PIN_INPUT} />);
    const pin = screen.getByLabelText('Sam’s PIN');
    expect(pin).toHaveAttribute('type', 'password');
    expect(pin).toHaveAttribute('inputmode', 'numeric');
    expect(pin).toHaveAttribute('autocomplete', 'off');
    expect(pin).toHaveAccessibleDescription('That PIN is not right.');
  });

  it('shows what comes after the input (the show-password button)', () => {
    render(
      <TextField label="Password" name="password" after={<button type="button">Show password</button>} />,
    );
    expect(screen.getByRole('button', { name: 'Show password' })).toBeInTheDocument();
  });
});
