// The part of json-logic-js (which ships no types) that Ruta uses.
declare module 'json-logic-js' {
  interface JsonLogicJs {
    apply(logic: unknown, data?: unknown): unknown;
    truthy(value: unknown): boolean;
  }
  const jsonLogic: JsonLogicJs;
  export default jsonLogic;
}
