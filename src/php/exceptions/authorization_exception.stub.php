<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** The identity platform refused an authorization or a token request. */
class AuthorizationException extends \RuntimeException implements Exception
{
    private ?string $error = null;
    private ?string $errorCode = null;
    private ?string $description = null;

    /** The OAuth error (e.g. "invalid_client", "access_denied"). */
    final public function error(): ?string {}

    /** Microsoft's error code, e.g. "AADSTS50011". */
    final public function errorCode(): ?string {}

    /** Microsoft's error_description, without trace and correlation lines. */
    final public function description(): ?string {}
}
