/**
 * The one registry of custom functions: name, parameters, description, example and the
 * implementation. The build generates the Apps Script stubs (with JSDoc) from it.
 * (Skeleton: the full metric set is filled in by the custom-functions work.)
 */
export interface ParamSpec {
  name: string;
  description: string;
}

export interface FunctionSpec {
  name: string;
  description: string;
  params: ParamSpec[];
  returns: string;
  example: string;
  impl: (...args: unknown[]) => unknown;
}

export const CUSTOM_FUNCTIONS: FunctionSpec[] = [];
