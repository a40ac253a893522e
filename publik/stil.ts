/**
 * The site's one small style sheet. Colours keep at least 7:1 against their background (WCAG AA
 * asks 4.5:1); focus is a thick outline that shows on every background; text sizes are relative.
 */
export const STIL = `:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1.0625rem; line-height: 1.55; color: #1b1b1b; background: #ffffff; }
.ram { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
a { color: #0a4a80; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #5a2d82; }
a:hover { text-decoration-thickness: 0.15em; }
:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; box-shadow: 0 0 0 6px #ffffff; }
.hoppa { position: absolute; left: 0.5rem; top: -20rem; padding: 0.5rem 1rem; background: #ffffff; color: #0a4a80; z-index: 10; }
.hoppa:focus { top: 0.5rem; }
.sidhuvud { background: #0b3558; color: #ffffff; padding: 0.75rem 0; }
.sidhuvud a, .sidhuvud a:visited { color: #ffffff; }
.sidhuvud :focus-visible { outline-color: #ffffff; box-shadow: 0 0 0 6px #0b3558; }
.webbplatsnamn { margin: 0; font-size: 1.25rem; font-weight: 700; }
.sidhuvud nav ul, .brodsmulor ol { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.brodsmulor { font-size: 0.9375rem; padding: 0.75rem 0 0; }
.brodsmulor li + li::before { content: "›"; margin-right: 0.5rem; color: #505050; }
main { display: block; padding: 1rem 0 2rem; }
main:focus { outline: none; }
h1 { font-size: 1.875rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.375rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid #c8c8c8; padding-bottom: 0.25rem; }
h3 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
ul.lista { padding-left: 1.25rem; }
ul.lista li { margin: 0.35rem 0; }
.filinfo, .diskret { color: #4a4a4a; }
dl.fakta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 1rem; }
dl.fakta dt { font-weight: 600; }
dl.fakta dd { margin: 0; }
.anslag { border: 1px solid #c8c8c8; border-left: 6px solid #0b3558; padding: 0.25rem 1rem 0.75rem; margin: 1rem 0; }
.anslag h2 { border-bottom: 0; margin-top: 0.75rem; }
.beslut { background: #f3f6f9; border-left: 4px solid #0b3558; padding: 0.5rem 0.75rem; margin: 0.5rem 0; white-space: pre-line; }
.installt { font-weight: 700; color: #8a1c1c; }
.sidfot { border-top: 1px solid #c8c8c8; color: #4a4a4a; font-size: 0.9375rem; padding: 1rem 0 2rem; }
@media (max-width: 36rem) { dl.fakta { grid-template-columns: 1fr; } dl.fakta dd { margin-bottom: 0.5rem; } }
@media print { .hoppa, .sidhuvud nav { display: none; } .sidhuvud { background: none; color: #000; } .sidhuvud a { color: #000; } }
`;
