/** The mailbox that calendars send their answers to (REPLY_MAILBOX_* settings). */
export interface ReplyMailboxSettings {
  host: string;
  port: number;
  /** TLS from the start (imaps://); otherwise STARTTLS where the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  /** Its email address: the organiser invitations name. */
  address: string;
  inbox: string;
  processedFolder: string;
  unprocessedFolder: string;
  /** How often the inbox is swept besides IDLE, and polled where the server has no IDLE. */
  pollMs: number;
}
