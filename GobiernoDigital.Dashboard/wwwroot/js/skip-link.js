// «Saltar al contenido» must move the keyboard's focus, not only the scroll (WCAG 2.4.1). Blazor's router takes over
// in-page links such as #contenido and merely scrolls, which leaves focus on the link, in front of the whole menu again.
// Listening in the capture phase runs before Blazor's own listener, which then sees the click handled.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    const target = link ? document.getElementById(link.hash.slice(1)) : null;
    if (!target) {
        return;
    }
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
}, true);
