// The one PIN prompt of a shared device (choosing a person, and a person without a PIN choosing one): what
// a refused PIN looks and sounds like, and the way back to the list.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PinPrompt } from '../../src/features/profiles/pin-prompt';

describe('PinPrompt', () => {
  it('says a refused PIN next to the field and aloud, and empties the field for the next try', async () => {
    const user = userEvent.setup();
    const onPin = vi.fn(async (pin: string) =>
      pin === '2468' ? undefined : 'That PIN is not Sam’s. Try again.',
    );
    render(<PinPrompt label="Sam’s PIN" submitLabel="Continue as Sam" onPin={onPin} onCancel={() => {}} />);
    const pin = screen.getByLabelText('Sam’s PIN');
    expect(pin).toHaveFocus();
    await user.type(pin, '1111');
    await user.click(screen.getByRole('button', { name: 'Continue as Sam' }));
    await waitFor(() => expect(pin).toHaveAccessibleDescription('That PIN is not Sam’s. Try again.'));
    expect(screen.getByRole('alert')).toHaveTextContent('That PIN is not Sam’s. Try again.');
    expect(pin).toHaveValue('');
    expect(pin).toHaveFocus();

    await user.type(pin, '2468{Enter}');
    await waitFor(() => expect(onPin).toHaveBeenLastCalledWith('2468'));
    await waitFor(() => expect(pin).not.toHaveAttribute('aria-invalid'));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('shows its hint and goes back to the list with "Someone else"', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    render(
      <PinPrompt
        label="Choose a PIN for Ali"
        hint="4 to 8 digits."
        submitLabel="Save PIN and continue as Ali"
        onPin={async () => undefined}
        onCancel={onCancel}
      />,
    );
    expect(screen.getByLabelText('Choose a PIN for Ali')).toHaveAccessibleDescription('4 to 8 digits.');
    await user.click(screen.getByRole('button', { name: 'Someone else' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
