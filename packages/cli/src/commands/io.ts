/** Where a command writes and the directory relative paths start from. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
};
