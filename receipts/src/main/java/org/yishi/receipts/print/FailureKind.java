package org.yishi.receipts.print;

/** Why a print did not happen, in the terms an installer or cashier can act on. */
public enum FailureKind {
    /** Nothing listens on the printer's port: printer off, wrong address, or another program holds it. */
    REFUSED,
    /** The host name does not resolve or there is no route to it. */
    UNREACHABLE,
    /** No answer to the connection attempt in time: printer off, cable out, wrong subnet. */
    CONNECT_TIMEOUT,
    /** Connected, but the printer stopped answering status queries (hung, or its buffer never drains). */
    NO_RESPONSE,
    /** The printer stopped taking data for longer than the write timeout. */
    WRITE_TIMEOUT,
    /** The printer itself reported it cannot print: paper out, cover open, offline, error. */
    PRINTER_STOPPED,
    /** The device file does not exist: printer unplugged or switched off, or a different device number. */
    DEVICE_MISSING,
    /** The till's user may not write to the device file. */
    PERMISSION_DENIED,
    /** No print queue of that name on this computer. */
    NO_SUCH_QUEUE,
    /** The print system took the job and reported it failed. */
    SPOOLER_FAILED,
    /** Connection reset, broken pipe, device I/O error. */
    IO_ERROR,
    /** The output did not return within the queue's hard limit; it was abandoned. */
    HUNG,
    /** The receipt bytes were refused before anything was sent (e.g. empty). */
    BAD_JOB
}
