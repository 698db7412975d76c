import { Type } from '@sinclair/typebox';

export const LoginQuery = Type.Object({
  returnTo: Type.Optional(
    Type.String({ maxLength: 2000, description: 'Path on this site to return to after sign-in.' }),
  ),
  login_hint: Type.Optional(
    Type.String({ maxLength: 320, description: 'Passed on to the IdP, e.g. an email address.' }),
  ),
  addressChecked: Type.Optional(
    Type.Literal('1', {
      description: "Set by Tandem when it sent a sign-in to PUBLIC_URL's address: not again.",
    }),
  ),
});

export const BackchannelLogoutBody = Type.Object({
  logout_token: Type.String({ minLength: 1, maxLength: 20000 }),
});

export const AuthFailure = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  reason: Type.Optional(Type.String()),
});
