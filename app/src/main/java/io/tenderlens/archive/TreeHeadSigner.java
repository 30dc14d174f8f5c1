package io.tenderlens.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The archive's Ed25519 signing key, created on first use and kept beside the archive: {@code signing-key.pk8}
 * (PKCS#8, readable by the owner only) and {@code public-key.txt} (the raw 32-byte key in hex, the form that
 * {@code tools/verify-proof.py} and other verifiers take).
 */
public final class TreeHeadSigner {
    /** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key (RFC 8410). */
    private static final byte[] SPKI_PREFIX = MerkleTree.unhex("302a300506032b6570032100");

    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;

    private TreeHeadSigner(PrivateKey privateKey, byte[] rawPublicKey) {
        this.privateKey = privateKey;
        this.rawPublicKey = rawPublicKey;
    }

    /** Loads the key in {@code dir}, creating it (crash-safely) when there is none. */
    public static TreeHeadSigner loadOrCreate(Path dir) throws IOException {
        Path keyFile = dir.resolve("signing-key.pk8");
        Path publicFile = dir.resolve("public-key.txt");
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (!Files.exists(keyFile)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] raw = raw(pair.getPublic());
                Path tmp = Files.createTempFile(dir, "key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                DurableFiles.writeAndSync(tmp, Base64.getMimeEncoder().encode(pair.getPrivate().getEncoded()));
                DurableFiles.writeAtomically(publicFile, (MerkleTree.hex(raw) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                Files.setPosixFilePermissions(publicFile, PosixFilePermissions.fromString("rw-r--r--"));
                DurableFiles.moveAtomically(tmp, keyFile);
            }
            byte[] pkcs8 = Base64.getMimeDecoder().decode(Files.readAllBytes(keyFile));
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] raw = MerkleTree.unhex(Files.readString(publicFile).strip());
            TreeHeadSigner signer = new TreeHeadSigner(privateKey, raw);
            byte[] probe = "probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (!verify(raw, probe, signer.sign(probe))) {
                throw new IOException(publicFile + " does not match " + keyFile + ": the key files were changed");
            }
            return signer;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot read the archive signing key in " + dir + ": " + e.getMessage(), e);
        }
    }

    public byte[] publicKey() {
        return rawPublicKey.clone();
    }

    public TreeHead signHead(long treeSize, byte[] root, long timestampMillis) {
        return new TreeHead(treeSize, root, timestampMillis, publicKey(), sign(TreeHead.signedBytes(treeSize, root, timestampMillis)));
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code head} is signed by the raw Ed25519 key {@code rawPublicKey}. */
    public static boolean verify(byte[] rawPublicKey, TreeHead head) {
        return verify(rawPublicKey, head.signedBytes(), head.signature());
    }

    static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signatureBytes) {
        if (rawPublicKey.length != 32) {
            return false;
        }
        try {
            byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
            System.arraycopy(rawPublicKey, 0, spki, SPKI_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }
}
