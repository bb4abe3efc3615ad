package dev.perfdesk.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;
import dev.perfdesk.store.StoredSeries;

/** {@code perfdesk delete ID}: a profile ({@code 12}) or a benchmark run ({@code r3}). */
@Command(name = "delete", description = "Delete a profile or a benchmark run (r3) from the store.")
final class DeleteCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "ID", converter = ItemId.Converter.class,
            description = "The id of a profile (12) or a run (r3), as 'perfdesk list' shows it.")
    ItemId id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Store s = store.open()) {
            if (id instanceof ItemId.SeriesId) {
                StoredSeries x = s.findSeries(id.number()).orElse(null);
                if (x == null || !s.deleteSeries(id.number())) {
                    spec.commandLine().getErr().println("no series with id " + id + " in " + s.location());
                    return 1;
                }
                spec.commandLine().getOut().println("deleted " + id + "\t" + x.name());
                return 0;
            }
            if (id instanceof ItemId.C2cId) {
                dev.perfdesk.store.StoredC2c x = s.listC2c().stream().filter(c -> c.id() == id.number()).findFirst()
                        .orElse(null);
                if (x == null || !s.c2c().delete(id.number())) {
                    spec.commandLine().getErr().println("no c2c report with id " + id + " in " + s.location());
                    return 1;
                }
                spec.commandLine().getOut().println("deleted " + id + "\t" + x.name());
                return 0;
            }
            if (id instanceof ItemId.RunId) {
                StoredRun r = s.findRun(id.number()).orElse(null);
                if (r == null || !s.deleteRun(id.number())) {
                    spec.commandLine().getErr().println("no run with id " + id + " in " + s.location());
                    return 1;
                }
                spec.commandLine().getOut().println("deleted " + id + "\t" + r.name());
                return 0;
            }
            StoredProfile p = s.findProfile(id.number()).orElse(null);
            if (p == null || !s.deleteProfile(id.number())) {
                spec.commandLine().getErr().println("no profile with id " + id + " in " + s.location());
                return 1;
            }
            spec.commandLine().getOut().println("deleted " + id + "\t" + p.info().name());
        }
        return 0;
    }
}
