/** Frames to wait for a results heading to appear after a run (the view renders it once the store has the run). */
const MAX_FRAMES = 60;

/** Moves the focus to an element (e.g. a results heading with tabIndex -1) once it is on the page, scrolling to it. */
export function focusWhenShown(id: string): void {
  let frames = 0;
  const attempt = () => {
    const element = document.getElementById(id);
    if (element) element.focus();
    else if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
