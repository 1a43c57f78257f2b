import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../../ui-kit/forms.ts';
import '../../ui-kit/components/button/button.ts';
import type { SelectOption } from '../../ui-kit/components/select/select.ts';
import type { Segment } from '../../ui-kit/components/segmented-control/segmented-control.ts';

const stack = (content: TemplateResult) =>
  html`<div style="display: grid; gap: var(--ma-space-l); max-width: 480px">${content}</div>`;

const categories: SelectOption[] = [
  { value: 'food', label: 'Food & drinks' },
  { value: 'transport', label: 'Transport' },
  { value: 'real-estate', label: 'Real estate' },
  { value: 'games', label: 'Games', disabled: true },
];

const periods: Segment[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'year', label: 'Year', disabled: true },
];

function showFormData(event: SubmitEvent): void {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const output = form.querySelector('output')!;
  output.value = JSON.stringify(Object.fromEntries(new FormData(form)), null, 1);
}

export const sections: Array<{ id: string; title: string; content: () => TemplateResult }> = [
  {
    id: 'input',
    title: 'Text field',
    content: () =>
      stack(html`
        <ma-input label="Name" placeholder="As in your passport"></ma-input>
        <ma-input label="Phone" type="tel" value="+7 900 123-45-67" helper-text="We send the code here" clearable></ma-input>
        <ma-input label="E-mail" type="email" value="anna@" error="Enter an e-mail like name@example.com"></ma-input>
        <ma-input label="Password" type="password" value="secret" minlength="8"></ma-input>
        <ma-input label="Amount" type="number" value="1500"><span slot="after">₽</span></ma-input>
        <ma-input label="Licence" value="dmapp6" disabled></ma-input>
      `),
  },
  {
    id: 'textarea',
    title: 'Text area',
    content: () =>
      stack(html`
        <ma-textarea label="Description" placeholder="What your mini-app does" maxlength="500"></ma-textarea>
        <ma-textarea
          label="Comment"
          rows="2"
          maxlength="100"
          value="The courier called twice and left the parcel with the concierge. Everything arrived intact."
        ></ma-textarea>
        <ma-textarea label="Reason" error="Say why the build is rejected"></ma-textarea>
        <ma-textarea label="Notes" value="Read only for now" disabled></ma-textarea>
      `),
  },
  {
    id: 'select',
    title: 'Select',
    content: () =>
      stack(html`
        <ma-select label="Category" .options=${categories}></ma-select>
        <ma-select label="Category" value="transport" .options=${categories} helper-text="Shown in the catalog"></ma-select>
        <ma-select label="Category" error="Choose a category" .options=${categories}></ma-select>
        <ma-select label="Category" value="food" disabled .options=${categories}></ma-select>
      `),
  },
  {
    id: 'checkbox',
    title: 'Checkbox',
    content: () =>
      stack(html`
        <div>
          <ma-checkbox label="Notify me about new messages" checked></ma-checkbox>
          <ma-checkbox label="Select all" indeterminate></ma-checkbox>
          <ma-checkbox label="Remember this device" helper-text="For 30 days"></ma-checkbox>
          <ma-checkbox error="Accept the rules to continue">I accept the <a href="#checkbox">placement rules</a></ma-checkbox>
          <ma-checkbox label="Unavailable" disabled></ma-checkbox>
          <ma-checkbox label="Unavailable, checked" checked disabled></ma-checkbox>
        </div>
      `),
  },
  {
    id: 'radio-group',
    title: 'Radio group',
    content: () =>
      stack(html`
        <ma-radio-group label="Delivery" name="delivery" value="courier">
          <ma-radio value="courier">Courier<span slot="description">Tomorrow, 10:00–18:00</span></ma-radio>
          <ma-radio value="pickup">Pickup point</ma-radio>
          <ma-radio value="post" disabled>Post (unavailable)</ma-radio>
        </ma-radio-group>
        <ma-radio-group label="Payment" error="Choose how to pay">
          <ma-radio value="card">Card</ma-radio>
          <ma-radio value="sbp">Fast payments</ma-radio>
        </ma-radio-group>
        <ma-radio-group label="Disabled group" value="a" disabled>
          <ma-radio value="a">First</ma-radio>
          <ma-radio value="b">Second</ma-radio>
        </ma-radio-group>
      `),
  },
  {
    id: 'switch',
    title: 'Switch',
    content: () =>
      stack(html`
        <div>
          <ma-switch label="Push notifications" checked></ma-switch>
          <ma-switch label="Test mode" helper-text="Only testers see the widget"></ma-switch>
          <ma-switch label="Chat (not in your plan)" disabled></ma-switch>
          <ma-switch label="Always on" checked disabled></ma-switch>
        </div>
      `),
  },
  {
    id: 'search',
    title: 'Search',
    content: () =>
      stack(html`
        <ma-search placeholder="Search services"></ma-search>
        <ma-search value="plumber"></ma-search>
        <ma-search disabled></ma-search>
      `),
  },
  {
    id: 'segmented-control',
    title: 'Segmented control',
    content: () =>
      stack(html`
        <ma-segmented-control label="Period" value="week" .segments=${periods}></ma-segmented-control>
        <ma-segmented-control
          label="Chats"
          value="all"
          .segments=${[
            { value: 'all', label: 'All' },
            { value: 'new', label: 'New' },
          ]}
        ></ma-segmented-control>
        <ma-segmented-control label="Disabled" value="day" disabled .segments=${periods}></ma-segmented-control>
      `),
  },
  {
    id: 'form',
    title: 'A form',
    content: () => html`<form @submit=${showFormData} style="display: grid; gap: var(--ma-space-l); max-width: 480px">
      <ma-input name="name" label="Mini-app name" required minlength="5" maxlength="128" pattern="[\\p{L}\\p{N} \\-]+"></ma-input>
      <ma-select name="category" label="Category" required .options=${categories}></ma-select>
      <ma-textarea name="description" label="Description" required minlength="5" maxlength="500"></ma-textarea>
      <ma-segmented-control name="audience" label="Audience" value="all" .segments=${[
        { value: 'all', label: 'Everyone' },
        { value: 'testers', label: 'Testers' },
      ]}></ma-segmented-control>
      <ma-switch name="payments" label="Takes payments"></ma-switch>
      <ma-checkbox name="rules" required>I accept the placement rules</ma-checkbox>
      <div style="display: flex; gap: var(--ma-space-s)">
        <ma-button type="submit">Register</ma-button>
        <ma-button type="reset" mode="secondary">Reset</ma-button>
      </div>
      <output style="white-space: pre; font: var(--ma-font-size-footnote) / 1.4 monospace; color: var(--ma-color-text-secondary)"></output>
    </form>`,
  },
];
