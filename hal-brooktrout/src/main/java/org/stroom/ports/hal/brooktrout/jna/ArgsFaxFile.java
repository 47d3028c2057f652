package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Structure;

/**
 * {@code struct args_fax_file}: args packet of the modelled TIFF-F fax functions {@code BfvFaxSendTiff}
 * and {@code BfvFaxReceiveTiff}. The vendor's fax function names and layout are not public (facts §13);
 * the whole struct is modelled.
 *
 * <p>Thread-safety: not thread-safe; use one instance per call.
 */
@Structure.FieldOrder({"fname", "pages", "status"})
public class ArgsFaxFile extends Structure {
    /** In: TIFF-F file path, NUL-terminated. */
    public byte[] fname = new byte[BfvModel.FNAME_LEN];
    /** Out: pages transferred. */
    public int pages;
    /** Out: a {@code FAX_STATUS_*} code. */
    public int status;

    /** @param path file path; at most {@link BfvModel#FNAME_LEN}−1 bytes */
    public void setFname(String path) {
        CStrings.put(fname, path, "args_fax_file.fname");
    }
}
