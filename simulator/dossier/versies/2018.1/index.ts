// Gegevensset 2018.1: identity only (see identiteit.ts).
export { identiteit2018 } from './identiteit.ts';
