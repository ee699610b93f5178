export { OpsStatusNotice } from './OpsStatusNotice';
export type { OpsStatusNoticeProps, OpsCapability } from './OpsStatusNotice';
