/**
 * The base of every calculator element. The server renders the calculator's markup (labels,
 * inputs with `name`, outputs with `data-out`, an error slot per field with `data-error-for`,
 * one polite live region with `data-live`) in the page's language; this class only wires it:
 * fields → `compute()` on every input, field state ↔ the URL's query string, and messages.
 * The texts a widget writes come from the page too, as JSON in `<script data-calc-strings>`
 * (CalcShell.astro: keys `calc.js.*` and `calc.<id>.js.*` of src/i18n/{en,zh}.json), read with `s(key)`.
 *
 * Sharing: the shell's "copy link" button copies the page's address with this calculator's
 * state and its anchor `#calc-<id>`; a page opened at that anchor focuses the calculator's
 * heading once it has loaded. Field text is capped (fields.ts MAX_FIELD_CHARS): longer text is
 * not parsed, and a longer value in the URL is ignored with a note next to the field.
 */
import { fillTemplate } from '../../i18n/fill.ts';
import { pageLang, type Lang } from '../../utils/lang.ts';
import { formatNumber } from './format.ts';
import {
  fieldText,
  isTooLong,
  MAX_FIELD_CHARS,
  parseMatrix,
  parseNumberField,
  parseNumberList,
  type FieldMessage,
  type FieldResult,
  type NumberRule,
} from './fields.ts';
import { unitKey, type Unit } from './units.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Tells the calculator loader (loader.ts) that the page's query string changed. */
export const STATE_EVENT = 'afm:calc-state';

/** Only the first calculator a shared link points at takes the focus, and only once. */
let focusedFromLink = false;

export abstract class CalculatorElement extends HTMLElement {
  readonly pageLang: Lang = pageLang();
  private scheduled = false;
  private lastAnnouncement = '';
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private strings: Record<string, string> | undefined;
  /** Fields whose value in the URL was too long and was ignored: the note stays until they are edited. */
  private readonly ignoredFromUrl = new Set<string>();
  private shareReset: ReturnType<typeof setTimeout> | undefined;

  /** Reads the fields and writes the results. Called after every change. */
  protected abstract compute(): void;

  /** The calculator's id, used as the prefix of its URL parameters. */
  get calcId(): string {
    return this.getAttribute('data-calc') ?? this.localName;
  }

  /** The calculator's anchor on the page: the shell's `<section id="calc-<id>">`. */
  get anchor(): string {
    return `calc-${this.calcId}`;
  }

  connectedCallback(): void {
    this.restoreFromUrl();
    const edited = (event: Event) => {
      const name = (event.target as Partial<Control> | null)?.name;
      if (name && this.ignoredFromUrl.delete(name)) this.setFieldError(name, null);
      this.hideShared();
      this.schedule();
    };
    this.addEventListener('input', edited);
    this.addEventListener('change', edited);
    this.section()
      ?.querySelector('[data-share]')
      ?.addEventListener('click', () => void this.copyLink());
    this.runCompute();
    this.setAttribute('data-ready', '');
    this.focusIfLinked();
  }

  private section(): HTMLElement | null {
    return this.closest<HTMLElement>('section.calculator');
  }

  /** Every control that carries state, by its `name`. */
  protected controls(): Control[] {
    return Array.from(this.querySelectorAll<Control>('input[name], select[name], textarea[name]'));
  }

  protected control(name: string): Control {
    const el = this.querySelector<Control>(`[name="${name}"]`);
    if (!el) throw new Error(`${this.calcId}: no field named ${name}`);
    return el;
  }

  protected value(name: string): string {
    return this.control(name).value;
  }

  protected checked(name: string): boolean {
    const el = this.control(name);
    return el instanceof HTMLInputElement && el.checked;
  }

  /** A number from a field, or null after showing why it cannot be used. */
  protected number(name: string, rule: NumberRule = {}): number | null {
    return this.report(name, parseNumberField(this.value(name), rule));
  }

  protected numberList(name: string, rule: Parameters<typeof parseNumberList>[1] = {}): number[] | null {
    return this.report(name, parseNumberList(this.value(name), rule));
  }

  protected matrix(name: string, rule: Parameters<typeof parseMatrix>[1] = {}): number[][] | null {
    return this.report(name, parseMatrix(this.value(name), rule));
  }

  /** Shows (or clears) the message for a field; returns the value when it is usable. */
  protected report<T>(name: string, result: FieldResult<T>): T | null {
    this.setFieldError(name, result.ok ? null : result.message);
    return result.ok ? result.value : null;
  }

  /**
   * A message next to a field, linked to it for screen readers. Null clears it. A string is in
   * the page's language already (from `s`); the input parser's messages are put in words here.
   */
  protected setFieldError(name: string, message: FieldMessage | string | null): void {
    const control = this.control(name);
    const slot = this.querySelector<HTMLElement>(`[data-error-for="${name}"]`);
    // A value the link carried was ignored: say so until the field is edited (the field itself holds its default, which is valid).
    const note = message === null && this.ignoredFromUrl.has(name) ? this.s('linkValueTooLong', { max: MAX_FIELD_CHARS.toLocaleString('en-US') }) : null;
    if (slot) {
      slot.textContent = message === null ? (note ?? '') : typeof message === 'string' ? message : this.t(message);
      slot.hidden = !message && !note;
    }
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }

  /** Shows or hides a field with its label; a hidden field's message is cleared. */
  protected showField(name: string, visible: boolean): void {
    const wrapper = this.control(name).closest<HTMLElement>('.field');
    // Not the `hidden` attribute: the stylesheet's `.field { display: flex }` would override it.
    if (wrapper) wrapper.style.display = visible ? '' : 'none';
    if (!visible) this.setFieldError(name, null);
  }

  /** Text into an output. */
  protected output(name: string, text: string): void {
    const el = this.querySelector<HTMLElement>(`[data-out="${name}"]`);
    if (el) el.textContent = text;
  }

  /** Markup into an output; only for markup built from numbers and our own strings (SVG, tables). */
  protected outputHtml(name: string, markup: string): void {
    const el = this.querySelector<HTMLElement>(`[data-out="${name}"]`);
    if (el) el.innerHTML = markup;
  }

  /** Tells screen readers the new result, once things settle (not on every keystroke). */
  protected announce(text: string): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const live = this.querySelector<HTMLElement>('[data-live]');
      if (live && text !== this.lastAnnouncement) {
        live.textContent = text;
        this.lastAnnouncement = text;
      }
    }, 600);
  }

  /** A message of the input parser (ui/fields.ts) in the page's language. */
  protected t(message: FieldMessage): string {
    return fieldText(message, (key, vars) => this.s(key, vars));
  }

  /** A number as shown followed by its unit, singular or plural to match: "1 bit", "0.5 bits". */
  protected withUnit(shown: string, unit: Unit): string {
    return this.s(unitKey(shown, unit), { n: shown });
  }

  /** The widget's string `key` in the page's language, `{name}` placeholders filled from `vars`. */
  protected s(key: string, vars: Record<string, string | number> = {}): string {
    this.strings ??= JSON.parse(this.querySelector('script[data-calc-strings]')?.textContent ?? '{}') as Record<string, string>;
    const template = this.strings[key];
    // A missing string is a bug: runCompute shows the error state rather than a blank.
    if (template === undefined) throw new Error(`${this.calcId}: no string calc.${this.calcId}.js.${key}`);
    return fillTemplate(template, vars);
  }

  protected fmt(x: number, digits = 4): string {
    return formatNumber(x, digits);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.runCompute();
      this.saveToUrl();
    });
  }

  private runCompute(): void {
    try {
      this.compute();
      this.removeAttribute('data-failed');
    } catch (error) {
      // A bug must not leave stale numbers on screen: say so instead.
      this.setAttribute('data-failed', String(error));
      const live = this.querySelector<HTMLElement>('[data-live]');
      if (live) live.textContent = this.s('failed');
    }
  }

  private restoreFromUrl(): void {
    const params = new URLSearchParams(location.search);
    for (const control of this.controls()) {
      const stored = params.get(`${this.calcId}.${control.name}`);
      if (stored === null) continue;
      if (isTooLong(stored)) {
        // Not put into the field: reading it would cost every keystroke, and a link is no way to pass a file.
        this.ignoredFromUrl.add(control.name);
        continue;
      }
      if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
        if (control.type === 'checkbox') control.checked = stored === '1';
        else control.checked = control.value === stored;
      } else if (control instanceof HTMLSelectElement) {
        // A value that is not one of the options would leave the menu blank: keep the default.
        if (Array.from(control.options).some((o) => o.value === stored)) control.value = stored;
      } else {
        control.value = stored;
      }
    }
  }

  /** Only fields that differ from the page's defaults go into the URL, so links stay short. */
  private saveToUrl(): void {
    const url = new URL(location.href);
    for (const [key, value] of this.state()) {
      if (value === null) url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    if (url.href !== location.href) {
      history.replaceState(history.state, '', url);
      document.dispatchEvent(new Event(STATE_EVENT));
    }
  }

  /**
   * Each field's URL parameter `<id>.<name>` and its value, or null when it is the page's
   * default (or too long to carry).
   */
  private state(): Array<[string, string | null]> {
    const out: Array<[string, string | null]> = [];
    for (const control of this.controls()) {
      const key = `${this.calcId}.${control.name}`;
      let current: string | null;
      let isDefault: boolean;
      if (control instanceof HTMLInputElement && control.type === 'checkbox') {
        current = control.checked ? '1' : '0';
        isDefault = control.checked === control.defaultChecked;
      } else if (control instanceof HTMLInputElement && control.type === 'radio') {
        if (!control.checked) continue;
        current = control.value;
        isDefault = control.defaultChecked;
      } else if (control instanceof HTMLSelectElement) {
        current = control.value;
        const initial = Array.from(control.options).find((o) => o.defaultSelected) ?? control.options[0];
        isDefault = current === initial?.value;
      } else {
        current = control.value;
        isDefault = current === control.defaultValue || isTooLong(current);
      }
      out.push([key, isDefault ? null : current]);
    }
    return out;
  }

  /** This page's address with this calculator's state only, and its anchor. */
  shareUrl(): string {
    const url = new URL(location.pathname, location.href);
    for (const [key, value] of this.state()) if (value !== null) url.searchParams.set(key, value);
    url.hash = this.anchor;
    return url.href;
  }

  /**
   * Copies the link. Without the Clipboard API (an insecure origin, an old browser, a denied
   * permission) the link is shown in a text box, selected, for the visitor to copy.
   */
  private async copyLink(): Promise<void> {
    const section = this.section();
    const status = section?.querySelector<HTMLElement>('[data-share-status]');
    const box = section?.querySelector<HTMLInputElement>('[data-share-url]');
    const link = this.shareUrl();
    let copied = false;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(link);
        copied = true;
      }
    } catch {
      /* refused: fall back to the text box */
    }
    if (box) {
      box.value = link;
      box.hidden = copied;
      if (!copied) {
        box.focus();
        box.select();
      }
    }
    if (status) {
      // Emptied first so that a second copy is announced again.
      status.textContent = '';
      clearTimeout(this.shareReset);
      requestAnimationFrame(() => {
        status.textContent = this.s(copied ? 'linkCopied' : 'copyLinkManually');
      });
      if (copied) this.shareReset = setTimeout(() => (status.textContent = ''), 5000);
    }
  }

  /** After an edit, a link copied or shown before no longer matches the fields. */
  private hideShared(): void {
    const section = this.section();
    const status = section?.querySelector<HTMLElement>('[data-share-status]');
    const box = section?.querySelector<HTMLInputElement>('[data-share-url]');
    if (status?.textContent) status.textContent = '';
    if (box && !box.hidden) box.hidden = true;
  }

  /** A shared link (`…#calc-<id>`) lands on this calculator: focus its heading once it works. */
  private focusIfLinked(): void {
    if (focusedFromLink || location.hash !== `#${this.anchor}`) return;
    focusedFromLink = true;
    // Not when the visitor has already moved on to something else.
    if (document.activeElement && document.activeElement !== document.body) return;
    this.section()?.querySelector<HTMLElement>('.calculator-title')?.focus();
  }
}
