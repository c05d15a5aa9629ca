package vn.motcua.sync.wire;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The hub's answer to a USB package ({@code *.mcrcpt}): every {@code (code, revision)} with its outcome,
 * {@code accepted} or the error code the same manifest would have had over the network. The file is a CMS
 * SignedData holding this record's JSON, signed by the hub's key; the counter marks a dossier sent only from an
 * entry whose outcome is {@code accepted} in a receipt that {@link #verify} accepts.
 */
public record Receipt(String packageId, String counterId, OffsetDateTime importedAt, List<Entry> entries) {
    public static final String EXTENSION = ".mcrcpt";

    public Receipt {
        entries = entries == null ? List.of() : entries;
    }

    public record Entry(String code, int revision, String outcome, String message) {
        public boolean accepted() {
            return ErrorCode.ACCEPTED.equals(outcome);
        }
    }

    public byte[] sign(PrivateKey hubKey, PublicKey hubPublic) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Keys.bc()).build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Keys.bc()).build(hubKey),
                            Keys.keyId(hubPublic)));
            return generator.generate(new CMSProcessableByteArray(WireJson.write(this)), true).getEncoded();
        } catch (CMSException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot sign a receipt with the hub's key", e);
        }
    }

    /** Reads a receipt file and checks that the hub whose public key the counter holds signed it. */
    public static Receipt verify(byte[] file, PublicKey hubPublic) throws PackageException {
        try {
            CMSSignedData signed = new CMSSignedData(file);
            List<SignerInformation> signers = List.copyOf(signed.getSignerInfos().getSigners());
            if (signers.size() != 1 || !Arrays.equals(signers.getFirst().getSID().getSubjectKeyIdentifier(), Keys.keyId(hubPublic))) {
                throw new PackageException(PackageException.UNKNOWN_SIGNER, "not signed by this hub");
            }
            if (!signers.getFirst().verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Keys.bc()).build(hubPublic))) {
                throw new PackageException(PackageException.BAD_SIGNATURE, "the receipt was changed after signing");
            }
            return WireJson.read((byte[]) signed.getSignedContent().getContent(), Receipt.class);
        } catch (CMSSignerDigestMismatchException e) {
            throw new PackageException(PackageException.BAD_SIGNATURE, "the receipt was changed after signing", e);
        } catch (CMSException | OperatorCreationException | IllegalArgumentException | ClassCastException e) {
            throw new PackageException(PackageException.NOT_A_PACKAGE, "not a receipt file", e);
        } catch (WireFormatException e) {
            throw new PackageException(PackageException.NOT_A_PACKAGE, "receipt content: " + e.getMessage());
        }
    }
}
