export { EntityPicker, MultiEntityPicker } from './EntityPicker';
