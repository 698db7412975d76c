import { html, nothing, type TemplateResult } from 'lit';

/**
 * A table that scrolls sideways on a narrow screen: the scrolling box is a named region a
 * keyboard can focus (so it can be scrolled without a mouse), and the table carries the same
 * name as its caption for screen readers. `content` is the <thead> and <tbody>; `busy` marks
 * a table being reloaded.
 */
export function tableRegion(
  caption: string,
  content: TemplateResult,
  options: { busy?: boolean } = {},
): TemplateResult {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
    <table aria-busy=${options.busy === undefined ? nothing : String(options.busy)}>
      <caption class="visually-hidden">${caption}</caption>
      ${content}
    </table>
  </div>`;
}
