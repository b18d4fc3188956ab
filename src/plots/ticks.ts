const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** "10^3" → "10³", "-10^2" → "-10²"; other labels unchanged. */
export function formatTickLabel(label: string): string {
  return label.replace(/\^(-?\d+)/, (_, exponent: string) => [...exponent].map((c) => SUPERSCRIPT[c]).join(''));
}
