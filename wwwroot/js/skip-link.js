// "Skip to content" links (class skip-link): move the focus to their target in place. Followed as a plain
// link, "#main-content" resolves against <base href="/"> and would navigate to the home page instead.
// Capture phase, so this runs before Blazor's own link interception.
document.addEventListener('click', event => {
  const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
  const target = link ? document.getElementById(link.hash.slice(1)) : null;
  if (!target) return;
  event.preventDefault();
  target.focus();
}, true);
