<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** Microsoft Graph (or the identity platform) answered with an error. */
class GraphException extends \RuntimeException implements Exception
{
    private int $statusCode = 0;
    private ?string $graphCode = null;
    private ?string $requestId = null;

    /** The HTTP status, 0 when the failure is not tied to one response. */
    final public function statusCode(): int {}

    /** Graph's error.code (e.g. "ErrorItemNotFound", "MailboxNotEnabledForRESTAPI"). */
    final public function graphCode(): ?string {}

    /** Graph's request-id, to quote to Microsoft support. */
    final public function requestId(): ?string {}
}
