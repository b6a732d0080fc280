<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** Network, DNS, TLS or timeout failure: no usable HTTP response arrived. Transient. */
final class TransportException extends \RuntimeException implements Exception
{
    private int $curlCode = 0;

    /** libcurl's CURLcode (e.g. 28 for a timeout, 60 for a certificate problem). */
    public function curlCode(): int {}
}
