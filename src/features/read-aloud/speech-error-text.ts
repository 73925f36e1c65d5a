/**
 * What to tell the learner when the device's speech stops with an error (the Web Speech API's
 * `SpeechSynthesisErrorEvent.error` codes), in plain words with what they can do about it.
 */
export function speechErrorText(code: string | undefined, voiceCount: number): string {
  if (voiceCount === 0 || code === 'voice-unavailable' || code === 'language-unavailable') {
    return 'Read aloud needs a voice on this device, and none is installed or available. Add one in your device’s text-to-speech settings, then try again.';
  }
  switch (code) {
    case 'network':
      return 'Reading stopped: the voice you chose needs the internet. Choose a voice that does not, or try again with a connection.';
    case 'audio-busy':
    case 'audio-hardware':
      return 'Reading stopped: the device’s sound is in use by something else. Close it and try again.';
    case 'not-allowed':
      return 'Reading stopped: the browser did not allow speech just now. Press Read aloud again.';
    default:
      return 'Reading stopped: the device’s voice could not read this. Try again, or choose another voice.';
  }
}
