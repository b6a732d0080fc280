<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** Graph throttled the request (429) beyond what sqzgraph may wait. */
final class ThrottledException extends GraphException
{
    private float $retryAfter = 0.0;

    /** Seconds Graph asked to wait (Retry-After), 0 when it said nothing. */
    public function retryAfter(): float {}
}
