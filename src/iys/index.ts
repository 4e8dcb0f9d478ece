export { IysClient, IYS_BASE_URLS, type IysClientOptions, type IysCallOptions } from './iys-client';
export { IysApiError, LOCAL_ERROR_CODES, RATE_LIMIT_CODE, type IysErrorDetail } from './errors';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff';
export type { IysFetch, IysHttpResponse, IysHttpRequestInit, IysClock, IysClientEvent } from './transport';
export type {
  IysBrand,
  IntegratorAuthorization,
  IntegratorBrandAuthorization,
  ChannelRights,
} from './schemas';
export * from './verification';
