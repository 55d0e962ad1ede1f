using System.Text;

namespace Malaysia.Ops.Domain.Randomness;

/// <summary>
/// A uniform draw in [0, 1) that depends only on the run's seed and what it is for (e.g. "omit",
/// a handoff id and an incident id), never on how many draws came before. Decisions made this
/// way come out the same whichever order the services happen to make them in, and the same in
/// the separate services as in the simulator.
/// </summary>
public static class StableDraw
{
    public static double Uniform(int seed, params string[] keys)
    {
        // FNV-1a over the seed and the keys, then SplitMix64 to spread the bits.
        var hash = 14695981039346656037UL;
        void Mix(byte value) => hash = (hash ^ value) * 1099511628211UL;
        foreach (var b in BitConverter.GetBytes(seed))
        {
            Mix(b);
        }

        foreach (var key in keys)
        {
            foreach (var b in Encoding.UTF8.GetBytes(key))
            {
                Mix(b);
            }

            Mix(0);
        }

        var z = hash + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
