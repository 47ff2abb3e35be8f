// "/" focuses the header search box from anywhere on the page, as on most search-first sites.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const input = document.querySelector<HTMLInputElement>('#search-q') ?? document.querySelector<HTMLInputElement>('#header-q');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});
