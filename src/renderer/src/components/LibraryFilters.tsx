// The Library's filters: agent, date range and metric thresholds, applied as they are typed; a field
// that does not parse says why beside it and the table keeps the last good result.

import type { ReactElement } from 'react';
import type { LibraryFilterField, LibraryFilterForm } from '../lib/library-filters';

export interface LibraryFiltersProps {
  form: LibraryFilterForm;
  problems: Partial<Record<LibraryFilterField, string>>;
  agentNames: string[];
  onChange: (form: LibraryFilterForm) => void;
}

export function LibraryFilters({ form, problems, agentNames, onChange }: LibraryFiltersProps): ReactElement {
  const set = (field: LibraryFilterField) => (value: string) => onChange({ ...form, [field]: value });
  const number = (field: LibraryFilterField, label: string, props: { min: number; max?: number; step: number; placeholder: string; wide?: boolean }): ReactElement => (
    <NumberFilter field={field} label={label} value={form[field]} problem={problems[field]} onChange={set(field)} {...props} />
  );

  return (
    <fieldset className="library-filters" data-testid="library-filters">
      <legend className="visually-hidden">Filters</legend>
      <label className="filter-field">
        <span className="filter-label">Agent</span>
        <select value={form.agentName} onChange={(event) => set('agentName')(event.target.value)} data-testid="filter-agent">
          <option value="">All agents</option>
          {agentNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <DateFilter field="fromDay" label="From" value={form.fromDay} problem={problems.fromDay} onChange={set('fromDay')} />
      <DateFilter field="toDay" label="To" value={form.toDay} problem={problems.toDay} onChange={set('toDay')} />
      <div className="filter-pair" role="group" aria-label="Agent talk, percent">
        <span className="filter-label">Agent talk %</span>
        <div className="filter-pair-inputs">
          {number('talkRatioMinPercent', 'at least', { min: 0, max: 100, step: 1, placeholder: 'min' })}
          <span aria-hidden="true">–</span>
          {number('talkRatioMaxPercent', 'at most', { min: 0, max: 100, step: 1, placeholder: 'max' })}
        </div>
      </div>
      <div className="filter-pair" role="group" aria-label="Interruptions, at most">
        <span className="filter-label">Interruptions at most</span>
        <div className="filter-pair-inputs">
          {number('agentInterruptionsMax', 'by the agent', { min: 0, step: 1, placeholder: 'agent', wide: true })}
          {number('customerInterruptionsMax', 'by the customer', { min: 0, step: 1, placeholder: 'customer', wide: true })}
        </div>
      </div>
      <div className="filter-pair" role="group" aria-label="Listening score">
        <span className="filter-label">Listening score</span>
        <div className="filter-pair-inputs">
          {number('listeningScoreMin', 'at least', { min: 0, max: 100, step: 1, placeholder: 'min' })}
          <span aria-hidden="true">–</span>
          {number('listeningScoreMax', 'at most', { min: 0, max: 100, step: 1, placeholder: 'max' })}
        </div>
      </div>
    </fieldset>
  );
}

interface FieldProps {
  field: LibraryFilterField;
  label: string;
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
}

function DateFilter({ field, label, value, problem, onChange }: FieldProps): ReactElement {
  return (
    <label className="filter-field">
      <span className="filter-label">{label}</span>
      <input type="date" value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={problem !== undefined} data-testid={`filter-${field}`} />
      {problem !== undefined && <span className="filter-problem">{problem}</span>}
    </label>
  );
}

function NumberFilter({ field, label, value, problem, onChange, min, max, step, placeholder, wide = false }: FieldProps & { min: number; max?: number; step: number; placeholder: string; wide?: boolean }): ReactElement {
  return (
    <span className={wide ? 'filter-number filter-number-wide' : 'filter-number'}>
      <input
        type="number"
        inputMode="numeric"
        value={value}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        aria-label={`${placeholder}: ${label}`}
        aria-invalid={problem !== undefined}
        onChange={(event) => onChange(event.target.value)}
        data-testid={`filter-${field}`}
      />
      {problem !== undefined && <span className="filter-problem">{problem}</span>}
    </span>
  );
}
