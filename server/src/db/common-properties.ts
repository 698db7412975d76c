import { randomUUID } from 'node:crypto';
import { p } from '@mikro-orm/core';

/** A random UUID primary key, assigned on flush: ids in URLs reveal neither count nor order. */
export const uuidPrimaryKey = () =>
  p
    .uuid()
    .primary()
    .onCreate(() => randomUUID());

/** When the row was inserted. */
export const createdAt = () => p.datetime().onCreate(() => new Date());

/** When the row was last changed through the ORM. */
export const updatedAt = () =>
  p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date());
