package io.tenderlens.source.harvest;

import java.io.IOException;

/**
 * Where archived documents go next: conversion to OCDS releases and ingest into the store. Called after the bytes
 * are durably archived and before the harvest state records the document, so a killed run hands it over again
 * (the store ingests a release once, so that is harmless).
 */
public interface HarvestSink {
    void accept(HarvestedDocument document) throws IOException;

    /** Called once after the last document of a run (or when it stops): finish batched work. */
    default void finish() throws IOException {}

    HarvestSink NONE = document -> { };
}
