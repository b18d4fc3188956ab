/** Keys typed into a field stay the field's: page shortcuts never take them. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A one-key shortcut: no Ctrl, ⌘ or Alt held (Shift may be, as for "?"), not typed into a field, not taken yet. */
export function isShortcutKey(event: KeyboardEvent): boolean {
  return !event.defaultPrevented && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
}
