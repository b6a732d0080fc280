<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** The grant is gone or no longer matches the configuration: an administrator must authenticate again. */
final class ReauthenticationRequiredException extends AuthorizationException
{
    private string $reason = 'not_authorized';

    /** Why: "not_authorized", "configuration_changed", "invalid_grant", "interaction_required", "consent_required", ... */
    public function reason(): string {}
}
