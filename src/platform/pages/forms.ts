/**
 * Form and content building blocks on the NL Design System (Utrecht CSS), for pages that work
 * without JavaScript: every field has a visible label, errors are tied to their field with
 * aria-describedby and listed first, radio and checkbox groups are fieldsets with a legend.
 * Everything passed as text is escaped here; `html` arguments are already HTML.
 */
import { escape } from './html.ts';

export interface FieldOptions {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  type?: 'text' | 'date' | 'number';
  inputmode?: 'numeric';
  maxlength?: number;
  required?: boolean;
  autocomplete?: string;
}

const described = (name: string, error?: string, hint?: string) => {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-fout` : ''].filter(Boolean).join(' ');
  return ids ? ` aria-describedby="${ids}"` : '';
};
const errorLine = (name: string, error?: string) => (error ? `<p id="${escape(name)}-fout" class="utrecht-form-field-error-message">${escape(error)}</p>` : '');
const hintLine = (name: string, hint?: string) => (hint ? `<p id="${escape(name)}-hint" class="utrecht-form-field-description">${escape(hint)}</p>` : '');

/** A labelled text (or date/number) input. */
export function textField(o: FieldOptions): string {
  const invalid = o.error ? ' aria-invalid="true"' : '';
  return `<div class="utrecht-form-field utrecht-form-field--text${o.error ? ' utrecht-form-field--invalid' : ''}">
<p class="utrecht-form-field__label"><label class="utrecht-form-label" for="${escape(o.name)}">${escape(o.label)}</label></p>
${hintLine(o.name, o.hint)}${errorLine(o.name, o.error)}
<p class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input${o.error ? ' utrecht-textbox--invalid' : ''}" id="${escape(o.name)}" name="${escape(o.name)}" type="${o.type ?? 'text'}"${o.inputmode ? ` inputmode="${o.inputmode}"` : ''}${o.maxlength ? ` maxlength="${o.maxlength}"` : ''}${o.required ? ' required' : ''} autocomplete="${escape(o.autocomplete ?? 'off')}" value="${escape(o.value ?? '')}"${described(o.name, o.error, o.hint)}${invalid}></p>
</div>`;
}

/** A labelled textarea. */
export function textArea(o: Omit<FieldOptions, 'type'>): string {
  return `<div class="utrecht-form-field utrecht-form-field--textarea${o.error ? ' utrecht-form-field--invalid' : ''}">
<p class="utrecht-form-field__label"><label class="utrecht-form-label" for="${escape(o.name)}">${escape(o.label)}</label></p>
${hintLine(o.name, o.hint)}${errorLine(o.name, o.error)}
<p class="utrecht-form-field__input"><textarea class="utrecht-textarea utrecht-textarea--html-textarea${o.error ? ' utrecht-textarea--invalid' : ''}" id="${escape(o.name)}" name="${escape(o.name)}" rows="4"${o.required ? ' required' : ''}${described(o.name, o.error, o.hint)}${o.error ? ' aria-invalid="true"' : ''}>${escape(o.value ?? '')}</textarea></p>
</div>`;
}

export interface Choice {
  value: string;
  label: string;
  /** Extra text under the label (escaped). */
  description?: string;
  disabled?: boolean;
}

/** A fieldset of radio buttons (one choice) or checkboxes (several). */
export function choiceGroup(o: { name: string; legend: string; choices: Choice[]; selected?: string[]; error?: string; hint?: string; multiple?: boolean }): string {
  const kind = o.multiple ? 'checkbox' : 'radio';
  const items = o.choices
    .map((c, i) => {
      const id = `${o.name}-${i}`;
      const checked = o.selected?.includes(c.value) ? ' checked' : '';
      const input = kind === 'radio' ? `utrecht-radio-button utrecht-radio-button--html-input` : `utrecht-checkbox utrecht-checkbox--html-input`;
      return `<div class="utrecht-form-field utrecht-form-field--${kind}">
<p class="utrecht-form-field__input"><input class="${input}" type="${kind}" id="${id}" name="${escape(o.name)}" value="${escape(c.value)}"${checked}${c.disabled ? ' disabled' : ''}${c.description ? ` aria-describedby="${id}-uitleg"` : ''}></p>
<p class="utrecht-form-field__label"><label class="utrecht-form-label utrecht-form-label--${kind}" for="${id}">${escape(c.label)}</label></p>
${c.description ? `<p class="utrecht-form-field-description" id="${id}-uitleg">${escape(c.description)}</p>` : ''}
</div>`;
    })
    .join('\n');
  return `<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${o.error ? ' utrecht-form-fieldset--invalid' : ''}"${described(o.name, o.error, o.hint)}>
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${escape(o.legend)}</legend>
${hintLine(o.name, o.hint)}${errorLine(o.name, o.error)}
${items}
</fieldset>`;
}

/** A form: POST unless said otherwise; `multipart` for file uploads. */
export function form(action: string, inner: string, options: { method?: 'get' | 'post'; multipart?: boolean; label?: string } = {}): string {
  return `<form method="${options.method ?? 'post'}" action="${escape(action)}"${options.multipart ? ' enctype="multipart/form-data"' : ''}${options.label ? ` aria-label="${escape(options.label)}"` : ''}>
${inner}
</form>`;
}

export function button(label: string, kind: 'primary' | 'secondary' = 'primary', attributes = ''): string {
  return `<button class="utrecht-button utrecht-button--${kind}-action" type="submit"${attributes ? ` ${attributes}` : ''}>${escape(label)}</button>`;
}

export function buttonGroup(...buttons: string[]): string {
  return `<p class="utrecht-button-group">${buttons.join(' ')}</p>`;
}

/** A link that looks like a button. */
export function buttonLink(href: string, label: string, kind: 'primary' | 'secondary' = 'secondary'): string {
  return `<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${kind}-action" href="${escape(href)}">${escape(label)}</a>`;
}

export function link(href: string, label: string): string {
  return `<a class="utrecht-link" href="${escape(href)}">${escape(label)}</a>`;
}

export function heading(level: 2 | 3, text: string, id?: string): string {
  return `<h${level} class="utrecht-heading-${level}"${id ? ` id="${escape(id)}"` : ''}>${escape(text)}</h${level}>`;
}

export function paragraph(html: string): string {
  return `<p class="utrecht-paragraph">${html}</p>`;
}

/** A table: column headers (text) and rows of cell HTML. */
export function table(caption: string, headers: string[], rows: string[][]): string {
  return `<table class="utrecht-table utrecht-table--html-table">
<caption class="utrecht-table__caption">${escape(caption)}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">${headers.map((h) => `<th class="utrecht-table__header-cell" scope="col">${escape(h)}</th>`).join('')}</tr></thead>
<tbody class="utrecht-table__body">
${rows.map((r) => `<tr class="utrecht-table__row">${r.map((c) => `<td class="utrecht-table__cell">${c}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

/** Term–value pairs (a summary of what was chosen): [term text, value HTML]. */
export function dataList(items: [string, string][]): string {
  return `<dl class="utrecht-data-list utrecht-data-list--rows">
${items.map(([t, v]) => `<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${escape(t)}</dt><dd class="utrecht-data-list__item-value">${v}</dd></div>`).join('\n')}
</dl>`;
}

/** The errors of a form, first on the page, each linking to its field. */
export function errorSummary(errors: Record<string, string>): string {
  const entries = Object.entries(errors);
  if (!entries.length) return '';
  return `<div class="utrecht-alert utrecht-alert--error" role="alert"><div class="utrecht-alert__content"><div class="utrecht-alert__message">
<p class="utrecht-paragraph"><strong>Er ${entries.length === 1 ? 'is 1 fout' : `zijn ${entries.length} fouten`} gevonden:</strong></p>
<ul class="utrecht-unordered-list">${entries.map(([field, message]) => `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#${escape(field)}">${escape(message)}</a></li>`).join('')}</ul>
</div></div></div>`;
}
