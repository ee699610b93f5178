export { AzureCosmosDbReader } from './AzureCosmosDbReader';
export type { AzureCosmosDbReaderOptions } from './AzureCosmosDbReader';
