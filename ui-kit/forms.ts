/** The kit's form controls: all form-associated, validated, labelled. */
export { MaInput } from './components/input/input.ts';
export type { InputType } from './components/input/input.ts';
export { MaTextarea } from './components/textarea/textarea.ts';
export { MaSelect } from './components/select/select.ts';
export type { SelectOption } from './components/select/select.ts';
export { MaCheckbox } from './components/checkbox/checkbox.ts';
export { MaSwitch } from './components/switch/switch.ts';
export { MaRadio } from './components/radio/radio.ts';
export { MaRadioGroup } from './components/radio-group/radio-group.ts';
export { MaSearch } from './components/search/search.ts';
export type { SearchEventDetail } from './components/search/search.ts';
export { MaSegmentedControl } from './components/segmented-control/segmented-control.ts';
export type { Segment } from './components/segmented-control/segmented-control.ts';
export { FormControl } from './base/form-control.ts';
