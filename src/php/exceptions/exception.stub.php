<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** Implemented by every exception that sqzgraph throws. */
interface Exception extends \Throwable
{
}
