<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** Thrown by an import handler: leave this message in the Inbox and try it again in the next run. */
class RetryLaterException extends \RuntimeException implements Exception
{
}
