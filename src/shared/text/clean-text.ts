/** Text as typed into a short field (a name, a label), with runs of spaces collapsed and cut to `max`. */
export function cleanText(text: string, max: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}
