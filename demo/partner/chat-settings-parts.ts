/**
 * Pieces of the chat settings form: who answers (a department, optional employees, the strategy),
 * the object tree of a rule, and one bot tag with its rules. Each draws a slice of the draft and
 * reports changes through `edit`; errors come by the domain's field names.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ASSIGNMENT_STRATEGIES, CHAT_SETTINGS_LIMITS, chatTextLength, type AssignmentRule, type AssignmentStrategy, type BotTag } from '../../src/chat/index.ts';
import { DEPARTMENT_OPTIONS, employeesOf, OBJECT_ROWS } from './chat-directory.ts';
import { describeAt, errorsAt, type SettingsErrors } from './chat-settings-errors.ts';
import type { ChatSettingsText } from './chat-settings.texts.ts';

export interface PartsContext {
  t: ChatSettingsText;
  errors: SettingsErrors;
}

/** The slice of an assignee the form edits: the basic responsible or a rule's target. */
export interface Assignee {
  departmentId: string;
  employeeIds: readonly string[];
  strategy?: AssignmentStrategy;
}

const STRATEGY_TEXTS = { random: 'strategyRandom', 'round-robin': 'strategyRoundRobin', 'personal-manager': 'strategyPersonal' } as const;
const KIND_TEXTS = { 'project-group': 'kindProjectGroup', block: 'kindBlock', building: 'kindBuilding' } as const;

const value = (event: Event) => (event.target as HTMLInputElement).value;
const checked = (event: Event) => (event.target as HTMLInputElement).checked;

/** A limited text's hint: its length against the limit, or its errors followed by that count. */
export function limited(ctx: PartsContext, field: string, text: string, max: number): { helper: string; error: string } {
  const counter = ctx.t('counter', { length: chatTextLength(text), max });
  const error = describeAt(ctx.errors, field, ctx.t);
  return { helper: counter, error: error ? `${error} · ${counter}` : '' };
}

/** An error line for a group of controls (checkboxes, a list) that has no error slot of its own. */
export function groupError(ctx: PartsContext, field: string, exact = false): TemplateResult | typeof nothing {
  const errors = exact ? ctx.errors.fields.filter((each) => each.field === field) : errorsAt(ctx.errors, field);
  if (errors.length === 0) return nothing;
  return html`<p class="group-error" role="alert" data-error-for=${field}>${describeAt({ fields: errors, general: [] }, field, ctx.t)}</p>`;
}

function toggled(ids: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...ids, id])] : ids.filter((each) => each !== id);
}

export function renderAssignee(ctx: PartsContext, field: string, assignee: Assignee, edit: (change: Partial<Assignee>) => void, departmentLabel: string): TemplateResult {
  const { t } = ctx;
  const staff = employeesOf(assignee.departmentId);
  const geographyError = assignee.strategy === 'personal-manager' ? describeAt({ fields: ctx.errors.fields.filter((each) => each.field === 'geography'), general: [] }, 'geography', t) : '';
  return html`<div class="assignee">
    <ma-select name=${`${field}.departmentId`} label=${departmentLabel} placeholder=${t('chooseDepartment')} .options=${DEPARTMENT_OPTIONS} .value=${assignee.departmentId}
      error=${describeAt(ctx.errors, `${field}.departmentId`, t)}
      @change=${(event: Event) => {
        const departmentId = value(event);
        const kept = employeesOf(departmentId).map((each) => each.value);
        edit({ departmentId, employeeIds: assignee.employeeIds.filter((id) => kept.includes(id)) });
      }}></ma-select>
    <fieldset class="choices" data-field=${`${field}.employeeIds`}>
      <legend>${t('employees')}</legend>
      ${assignee.departmentId && staff.length === 0 ? html`<p class="hint">${t('noEmployees')}</p>` : nothing}
      ${staff.map((employee) => html`<ma-checkbox name=${`${field}.employeeIds`} value=${employee.value} .checked=${assignee.employeeIds.includes(employee.value)}
        @change=${(event: Event) => edit({ employeeIds: toggled(assignee.employeeIds, employee.value, checked(event)) })}>${employee.label}</ma-checkbox>`)}
      ${staff.length > 0 && assignee.employeeIds.length === 0 ? html`<p class="hint">${t('employeesNone')}</p>` : nothing}
      ${groupError(ctx, `${field}.employeeIds`)}
    </fieldset>
    <ma-select name=${`${field}.strategy`} label=${t('strategy')} .options=${ASSIGNMENT_STRATEGIES.map((strategy) => ({ value: strategy, label: t(STRATEGY_TEXTS[strategy]) }))}
      .value=${assignee.strategy ?? 'random'} error=${[describeAt(ctx.errors, `${field}.strategy`, t), geographyError].filter(Boolean).join('; ')}
      @change=${(event: Event) => edit({ strategy: value(event) as AssignmentStrategy })}></ma-select>
  </div>`;
}

function renderObjects(ctx: PartsContext, field: string, objectIds: readonly string[], edit: (objectIds: string[]) => void): TemplateResult {
  return html`<fieldset class="choices tree" data-field=${field}>
    <legend>${ctx.t('objects')}</legend>
    ${OBJECT_ROWS.map((row) => html`<ma-checkbox name=${field} value=${row.id} style=${`margin-inline-start: ${row.depth * 24}px`} .checked=${objectIds.includes(row.id)}
      @change=${(event: Event) => edit(toggled(objectIds, row.id, checked(event)))}>${row.title} <span class="kind">· ${ctx.t(KIND_TEXTS[row.kind])}</span></ma-checkbox>`)}
    ${groupError(ctx, field)}
  </fieldset>`;
}

export interface TagEdits {
  change(change: Partial<BotTag>): void;
  remove(): void;
}

export function renderTag(ctx: PartsContext, index: number, tag: BotTag, edits: TagEdits): TemplateResult {
  const { t } = ctx;
  const field = `bot.tags[${index}]`;
  const text = limited(ctx, `${field}.text`, tag.text, CHAT_SETTINGS_LIMITS.tagText);
  const reply = limited(ctx, `${field}.autoReply`, tag.autoReply, CHAT_SETTINGS_LIMITS.autoReply);
  const setRule = (r: number, change: Partial<AssignmentRule>) => edits.change({ rules: tag.rules.map((rule, i) => (i === r ? { ...rule, ...change } : rule)) });
  return html`<section class="tag" data-tag=${index} aria-label=${t('tag', { number: index + 1 })}>
    <div class="tag-head"><h4>${t('tag', { number: index + 1 })}</h4>
      <ma-button size="s" mode="secondary" data-action="remove-tag" @click=${edits.remove}>${t('removeTag')}</ma-button></div>
    <div class="fields two">
      <ma-input name=${`${field}.text`} label=${t('tagText')} .value=${tag.text} helper-text=${text.helper} error=${text.error} @input=${(event: Event) => edits.change({ text: value(event) })}></ma-input>
      <ma-textarea name=${`${field}.autoReply`} label=${t('autoReply')} rows="2" .value=${tag.autoReply} helper-text=${reply.helper} error=${reply.error}
        @input=${(event: Event) => edits.change({ autoReply: value(event) })}></ma-textarea>
    </div>
    ${groupError(ctx, `${field}.rules`, true)}
    ${tag.rules.map((rule, r) => html`<div class="rule" data-rule=${r}>
      <div class="tag-head"><h5>${t('rule', { number: r + 1 })}</h5>
        <ma-button size="s" mode="secondary" data-action="remove-rule" @click=${() => edits.change({ rules: tag.rules.filter((_, i) => i !== r) })}>${t('removeRule')}</ma-button></div>
      <div class="fields two">
        ${renderObjects(ctx, `${field}.rules[${r}].objectIds`, rule.objectIds, (objectIds) => setRule(r, { objectIds }))}
        ${renderAssignee(ctx, `${field}.rules[${r}]`, rule, (change) => setRule(r, change), t('ruleDepartment'))}
      </div>
    </div>`)}
    <div class="row"><ma-button size="s" mode="secondary" data-action="add-rule"
      @click=${() => edits.change({ rules: [...tag.rules, { objectIds: [], departmentId: '', employeeIds: [] }] })}>${t('addRule')}</ma-button></div>
  </section>`;
}
