<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** An option given to Config (or the CLI's INI file) is missing, unknown or invalid. */
final class ConfigException extends \InvalidArgumentException implements Exception
{
    private ?string $key = null;

    /** The option concerned, e.g. "redirect_uri"; null when not about one option. */
    public function key(): ?string {}
}
