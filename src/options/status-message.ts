/** A section's one-line answer to what the reporter just did, shown in its status line. */
export interface StatusMessage {
  text: string;
  error: boolean;
}
