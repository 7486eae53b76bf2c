/** A failed Cognito call, with the AWS error code and a sentence fit to show the user. */
export class CognitoError extends Error {
  override readonly name = 'CognitoError';

  constructor(
    /** AWS error code such as NotAuthorizedException, or NetworkError / InvalidResponse. */
    readonly code: string,
    message: string,
    readonly userMessage: string,
  ) {
    super(message);
  }

  /** True when the credentials or refresh token were refused (as opposed to a transient failure). */
  get isRejection(): boolean {
    return REJECTION_CODES.has(this.code);
  }
}

const REJECTION_CODES = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'InvalidParameterException',
  'ResourceNotFoundException',
]);
