/** Which attribute of a directory entry holds what Tandem keeps of a person (LDAP_ATTR_*). */
export interface DirectoryAttributes {
  /** The name the directory and the identity provider share (uid, sAMAccountName). */
  username: string;
  /** The entry's stable id (entryUUID, objectGUID), which survives renames and moves. */
  externalId: string;
  email: string;
  name: string;
  department: string;
  title: string;
  /** Holds the manager's DN. */
  manager: string;
  language: string;
  /** A flag or AD's userAccountControl (bit 0x2): set, the person has left. */
  disabled: string | undefined;
}

/** How Tandem reaches the organisation's directory (LDAP_* settings). */
export interface DirectorySettings {
  /** ldaps://host[:port], or ldap://host[:port] upgraded with StartTLS (or on loopback). */
  url: string;
  startTls: boolean;
  /** PEM certificates trusted for the directory's TLS besides the system's. */
  ca: string | undefined;
  bindDn: string | undefined;
  bindPassword: string | undefined;
  baseDn: string;
  filter: string;
  attributes: DirectoryAttributes;
  pageSize: number;
  /** When the scheduled sync runs, in crontab syntax. */
  cron: string;
  /**
   * The largest share (percent) of the people the directory manages that one sync deactivates;
   * more looks like a broken filter or base DN rather than a wave of leavers.
   */
  deactivationLimitPercent: number;
}
