/*
 * Brooktrout Bfv API as MODELLED by this project -- NOT VENDOR-EXACT.
 *
 * The vendor developer guide documents names, calling patterns, line states and transitions, but
 * no header: every numeric value, struct layout and signature below is an assumption (facts sheet
 * Part B, tag A). The Java side keeps the same table in
 * org.stroom.ports.hal.brooktrout.jna.BfvModel; BfvModelEmulatorTest checks both agree, and both
 * can be overridden (Java: -Dbrooktrout.model.NAME=value, emulator: emu_model_set).
 */
#ifndef BFV_MODEL_H
#define BFV_MODEL_H

/* X(name, default value) -- one row per modelled numeric value. */
#define BFV_MODEL(X)                         \
    X(BT_OK, 0)                              \
    X(BT_ERR_BAD_HANDLE, -1)                 \
    X(BT_ERR_WRONG_STATE, -2)                \
    X(BT_ERR_TIMEOUT, -3)                    \
    X(BT_ERR_BAD_ARGUMENT, -4)               \
    X(BT_ERR_LINE_DOWN, -5)                  \
    X(BT_ERR_FILE, -6)                       \
    X(BT_ERR_HARDWARE, -7)                   \
    X(BT_ERR_BUSY, -8)                       \
    X(BT_ERR_ABORTED, -9)                    \
    X(LINE_STATE_IDLE, 0)                    \
    X(LINE_STATE_RINGING, 1)                 \
    X(LINE_STATE_OFF_HOOK, 2)                \
    X(LINE_STATE_CONNECTED, 3)               \
    X(LINE_STATE_AWAIT_TRAINING, 4)          \
    X(LINE_STATE_FAX_MODE, 5)                \
    X(LINE_STATE_TURNAROUND, 6)              \
    X(LINE_STATE_HOLDUP, 7)                  \
    X(LINE_STATE_NOLOOP, 8)                  \
    X(LINE_STATE_RCV_INFO, 9)                \
    X(LINE_STATE_RESETTING, 10)              \
    X(LINE_STATE_RETAIN, 11)                 \
    X(CALL_PROTOCOL_FAX, 1)                  \
    X(CALL_PROTOCOL_VOICE, 2)                \
    X(CALL_PROGRESS_FAX_TONE, 1)             \
    X(CALL_PROGRESS_HUMAN, 2)                \
    X(CALL_PROGRESS_BUSY, 3)                 \
    X(CALL_PROGRESS_NO_ANSWER, 4)            \
    X(CALL_PROGRESS_NO_DIALTONE, 5)          \
    X(CALL_PROGRESS_INVALID_NUMBER, 6)       \
    X(CALL_PROGRESS_GLARE, 7)                \
    X(MILL_FACILITY_CALL, 1)                 \
    X(MILL_FACILITY_FAX, 2)                  \
    X(MILL_FACILITY_VOICE, 3)                \
    X(MILL_FACILITY_LINE, 4)                 \
    X(MILL_FACILITY_MODULE, 5)               \
    X(MILL_VERB_EVENT, 1)                    \
    X(CALL_INCOMING_EVENT, 1)                \
    X(CALL_REMOTE_DISCONNECT_EVENT, 2)       \
    X(FAX_T4_ADAPT_INFO_EVENT, 10)           \
    X(FAX_PAGE_SENT_EVENT, 11)               \
    X(FAX_PAGE_RECEIVED_EVENT, 12)           \
    X(VOICE_DTMF_EVENT, 20)                  \
    X(LINE_ALARM_EVENT, 30)                  \
    X(LINE_ALARM_CLEAR_EVENT, 31)            \
    X(LINE_BCHANNEL_BLOCKED_EVENT, 32)       \
    X(LINE_BCHANNEL_UNBLOCKED_EVENT, 33)     \
    X(MODULE_FAULT_EVENT, 40)                \
    X(MODULE_READY_EVENT, 41)                \
    X(BLOCK_CAUSE_DCHANNEL, 1)               \
    X(FAX_STATUS_COMPLETE, 0)                \
    X(FAX_STATUS_REMOTE_DISCONNECT, 1)       \
    X(FAX_STATUS_ABORTED, 2)                 \
    X(FAX_STATUS_LINE_DOWN, 3)               \
    X(FAX_STATUS_STOPPED, 4)                 \
    X(FAX_STATUS_NO_FAX_DEVICE, 5)           \
    X(VOICE_TERM_END_OF_DATA, 1)             \
    X(VOICE_TERM_DTMF, 2)                    \
    X(VOICE_TERM_MAX_TIME, 3)                \
    X(VOICE_TERM_MAX_DIGITS, 4)              \
    X(VOICE_TERM_TIMEOUT, 5)                 \
    X(VOICE_TERM_DISCONNECT, 6)              \
    X(VOICE_TERM_STOPPED, 7)                 \
    X(ALARM_LOS, 1)                          \
    X(ALARM_LOF, 2)                          \
    X(ALARM_AIS, 4)                          \
    X(ALARM_RAI, 8)                          \
    X(TIME_DIAL_MS, 3000)                    \
    X(TIME_TRAINING_MS, 6000)                \
    X(TIME_PAGE_MS, 60000)                   \
    X(TIME_TURNAROUND_MS, 1000)              \
    X(TIME_RESET_MS, 500)                    \
    X(VOICE_BYTES_PER_SECOND, 8000)          \
    X(T4_TIMER_VALUE_MS, 3000)               \
    X(T4_TIMEOUT_MS, 15000)                  \
    X(TIME_DTMF_DIGIT_MS, 100)               \
    X(TIME_T309_MS, 90000)                   \
    X(FAX_BPS, 14400)

/* Layout constants (compile time; the Java structures mirror them). */
#define BFV_PHONENUM_LEN 64
#define BFV_PARTY_LEN 64
#define BFV_FNAME_LEN 256
#define BFV_DIGITS_LEN 32
#define BFV_TEXT_LEN 64

typedef struct BTLINE BTLINE; /* opaque (D) */

/* Call-control args packet, used by every BfvLine* call-control function (A). */
struct args_call {
    int timeout;                          /* in: WaitForCall wait in wall ms, 0 = forever;
                                             Originate no-answer time in line ms, 0 = model default */
    int call_protocol_code;               /* in: Originate, CALL_PROTOCOL_* */
    char phonenum[BFV_PHONENUM_LEN];      /* in: Originate destination (D name) */
    char calling_party[BFV_PARTY_LEN];    /* out: WaitForCall caller number */
    char called_party[BFV_PARTY_LEN];     /* out: WaitForCall dialled number (DID) */
    int call_progress;                    /* out: Originate, CALL_PROGRESS_* */
    int line_state;                       /* out: state after the call */
};

/* Fax T4 adaptation info (D names, layout A). */
struct args_fax {
    unsigned int t4TimerValue;
    unsigned int t4Duration;
    unsigned int t4Attempt;
    unsigned int t4Timeout;
};

/* TIFF-F send/receive (A: the vendor's fax function names are not confirmed). */
struct args_fax_file {
    char fname[BFV_FNAME_LEN];            /* in: TIFF-F path */
    int pages;                            /* out: pages transferred */
    int status;                           /* out: FAX_STATUS_* */
};

/* Voice play/record (A). */
struct args_voice {
    char fname[BFV_FNAME_LEN];            /* in: raw 8 kHz mu-law file */
    int max_ms;                           /* in: limit in line ms, 0 = none */
    int stop_on_dtmf;                     /* in: nonzero = a digit ends the operation */
    int elapsed_ms;                       /* out: line ms played/recorded */
    int term_reason;                      /* out: VOICE_TERM_* */
};

/* DTMF collection and generation (A). */
struct args_dtmf {
    int max_digits;                       /* in: 1..31 */
    int timeout;                          /* in: wall ms, 0 = forever */
    char term_digit;                      /* in: digit that ends collection, 0 = none */
    char digits[BFV_DIGITS_LEN];          /* out (GetDigits) or in (SendDigits): NUL-terminated */
    int count;                            /* out */
    int term_reason;                      /* out: VOICE_TERM_* */
};

/* Payload of the per-line incoming-command callback (D name and dispatch fields, layout A). */
struct args_packet {
    int facility;                         /* MILL_FACILITY_* */
    int cmd_verb;                         /* MILL_VERB_* */
    int cmd_specifier;                    /* *_EVENT */
    int unit;                             /* system unit number of the line */
    int line_state;                       /* state when the event was raised */
    int value;                            /* page number, digit, alarm bits, block cause, fault code,
                                             Q.850 cause of a remote disconnect (0 = not given) */
    char text[BFV_TEXT_LEN];              /* caller number, file name or fault text */
};

typedef void (*bfv_incoming_cmd_func)(BTLINE *lp, struct args_packet *args);

#endif
